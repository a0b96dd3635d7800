package dev.hybridconf.rapporteur.notes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One revision of a rapporteur's note.
 *
 * @param author   the rapporteur's subject (a registration id)
 * @param revision 1 when written, one more per edit
 */
record Note(String noteId, String sessionId, String conferenceId, LocalDate day, String author, String language,
        String text, long revision, Instant createdAt, Instant updatedAt) {
}
