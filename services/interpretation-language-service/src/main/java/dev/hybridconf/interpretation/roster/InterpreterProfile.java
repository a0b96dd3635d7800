package dev.hybridconf.interpretation.roster;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An interpreter on a conference's roster, as the planner and the views read them.
 *
 * @param interpreterId     the roster id (stable, opaque)
 * @param conferenceId      the conference whose roster lists them
 * @param registrationId    the registration (platform user, role {@code interpreter}) they sign in as, or null
 *                          while they have none; an interpreter's own reads match the token's subject to it
 * @param name              full name as shown to organisers and partners
 * @param email             contact e-mail
 * @param zoomEmail         the e-mail of their Zoom account (needed for channels delivered on Zoom), or null
 * @param languages         their languages, AIIC-classed
 * @param mode              on site or remote
 * @param availability      the days (or half days) they can work; none means not available
 * @param preferredPartners roster ids of interpreters they prefer to share a booth with (soft)
 * @param version           the profile's version (each change adds one)
 */
public record InterpreterProfile(
        String interpreterId,
        String conferenceId,
        String registrationId,
        String name,
        String email,
        String zoomEmail,
        List<LanguageSkill> languages,
        WorkMode mode,
        List<Availability> availability,
        Set<String> preferredPartners,
        long version) {

    public InterpreterProfile {
        languages = List.copyOf(languages);
        availability = List.copyOf(availability);
        preferredPartners = Set.copyOf(preferredPartners);
    }

    public Optional<LanguageSkill> skill(String language) {
        return languages.stream().filter(skill -> skill.language().equals(language)).findFirst();
    }

    /**
     * Whether they can interpret from {@code source} into {@code target}, the AIIC way: into an A
     * from any other language they know (B, C, or a second A); into a B only from their A and only where they give a retour; never into a C.
     */
    public boolean canInterpret(String source, String target) {
        if (source.equals(target)) {
            return false;
        }
        Optional<LanguageSkill> into = skill(target);
        Optional<LanguageSkill> from = skill(source);
        if (into.isEmpty() || from.isEmpty()) {
            return false;
        }
        return switch (into.get().level()) {
            case A -> true;
            case B -> into.get().retour() && from.get().level() == LanguageClass.A;
            case C -> false;
        };
    }

    /** Whether their output into {@code language} is fit to be relayed by another booth: it is their A. */
    public boolean canGiveRelay(String language) {
        return skill(language).map(skill -> skill.level() == LanguageClass.A).orElse(false);
    }
}
