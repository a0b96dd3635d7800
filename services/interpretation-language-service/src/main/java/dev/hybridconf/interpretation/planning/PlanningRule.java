package dev.hybridconf.interpretation.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a plan keeps, by their stable code (as in {@link StaffingSolution.Violation} and
 * {@link StaffingSolution.Exclusion}), with the sentence a reader sees in English, French and Spanish. The
 * order is the order candidates are checked in when a gap is explained: the first rule that keeps someone
 * out of a seat is the one reported.
 */
public enum PlanningRule {

    DECLINED("declined",
            "declined this booth",
            "a décliné cette cabine",
            "rechazó esta cabina"),
    COMPETENCE("competence",
            "does not work from the floor language(s) (or the relay) into this language",
            "ne travaille pas depuis la ou les langues de la salle (ou le relais) vers cette langue",
            "no trabaja desde el idioma o los idiomas de la sala (o el relé) hacia este idioma"),
    AVAILABILITY("availability",
            "not available on that day or half day",
            "pas disponible ce jour-là ou cette demi-journée",
            "no disponible ese día o medio día"),
    REMOTE_IN_ROOM("remote-in-room",
            "works remotely, and this channel is heard only in the room",
            "travaille à distance, et ce canal n'est diffusé que dans la salle",
            "trabaja a distancia, y este canal solo se escucha en la sala"),
    BUSY("busy",
            "already placed in another booth at that time",
            "déjà placé(e) dans une autre cabine à cette heure",
            "ya asignado(a) a otra cabina a esa hora"),
    OVERLAP("overlap",
            "would be in two places at once",
            "serait à deux endroits à la fois",
            "estaría en dos lugares a la vez"),
    ROOM_CHANGE("room-change",
            "not enough time to change rooms on site",
            "pas assez de temps pour changer de salle sur place",
            "no hay tiempo suficiente para cambiar de sala in situ"),
    DAILY_BLOCKS("daily-blocks",
            "would work more blocks in the day than the norms allow",
            "travaillerait plus de vacations dans la journée que ne le permettent les normes",
            "trabajaría más bloques en el día de lo que permiten las normas"),
    BLOCK_LENGTH("block-length",
            "would make a block of work longer than the norms allow",
            "ferait une vacation plus longue que ne le permettent les normes",
            "haría un bloque de trabajo más largo de lo que permiten las normas"),
    REST("rest",
            "would leave too short a rest between two blocks of work",
            "laisserait un repos trop court entre deux vacations",
            "dejaría un descanso demasiado corto entre dos bloques de trabajo"),
    DAILY_HOURS("daily-hours",
            "would work more session time in the day than the norms allow",
            "travaillerait plus d'heures de séance dans la journée que ne le permettent les normes",
            "trabajaría más horas de sesión en el día de lo que permiten las normas"),
    RELAY_GIVERS("relay-givers",
            "would work from a relay that fewer than two interpreters of the pivot booth can give",
            "travaillerait sur un relais que moins de deux interprètes de la cabine pivot peuvent assurer",
            "trabajaría con un relé que menos de dos intérpretes de la cabina pivote pueden dar");

    private final String code;
    private final String english;
    private final String french;
    private final String spanish;

    PlanningRule(String code, String english, String french, String spanish) {
        this.code = code;
        this.english = english;
        this.french = french;
        this.spanish = spanish;
    }

    /** The stable code carried in plans, violations and exclusions. */
    public String code() {
        return code;
    }

    /** The rule as a reader of {@code locale} reads it: French, Spanish, otherwise English. */
    public String text(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return switch (language) {
            case "fr" -> french;
            case "es" -> spanish;
            default -> english;
        };
    }

    public static Optional<PlanningRule> byCode(String code) {
        return Arrays.stream(values()).filter(rule -> rule.code.equals(code)).findFirst();
    }
}
