package dev.hybridconf.streaming.interpretation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.streaming.provisioning.MeetingInterpretation;
import dev.hybridconf.streaming.zoom.Interpreter;
import dev.hybridconf.streaming.zoom.LanguageInterpretation;
import dev.hybridconf.streaming.zoom.SignInterpreter;
import dev.hybridconf.streaming.zoom.SignLanguageInterpretation;
import dev.hybridconf.streaming.zoom.ZoomLanguage;

/**
 * What a session's published interpretation asks of its Zoom meeting or webinar, worked out without any call:
 *
 * <ul>
 * <li>only channels delivered on Zoom ({@code ZOOM} or {@code BOTH}) and, of their interpreters, those with a Zoom
 * e-mail go to Zoom; a booth's room-only channel stays in the room;</li>
 * <li>a spoken interpreter is one entry of {@code language_interpretation.interpreters}: their e-mail and the pair
 * {@code "<source>,<target>"} in Zoom's language ids ({@code US,FR}: from English into French); Zoom's API offers a
 * fixed list of languages ({@link ZoomLanguage}), so a channel in another language (Arabic, say) is reported, not
 * sent; an interpreter working both ways between the same two languages is one entry, and Zoom takes one pair per
 * interpreter, so a second, different pair is reported;</li>
 * <li>a sign language interpreter is one entry of {@code sign_language_interpretation.interpreters}: e-mail and the
 * sign language as the account names it ({@link InterpretationProperties#signLanguages()});</li>
 * <li>at most {@value LanguageInterpretation#MAX_INTERPRETERS} a list (Zoom's limit): more are reported;</li>
 * <li>interpretation is on when at least one channel on Zoom is in a language Zoom offers, off otherwise (a plan with
 * no channel left turns it off).</li>
 * </ul>
 *
 * The entries are in a fixed order (channel, then e-mail), so that the same plan always gives the same
 * {@link #fingerprint()}: equal fingerprints, nothing to send.
 */
public final class ZoomInterpretationPlan {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Problem codes of {@link Issue#code()}. */
    public static final String UNCOVERED = "UNCOVERED";
    public static final String NO_ZOOM_EMAIL = "NO_ZOOM_EMAIL";
    public static final String INVALID_ZOOM_EMAIL = "INVALID_ZOOM_EMAIL";
    public static final String LANGUAGE_NOT_ON_ZOOM = "LANGUAGE_NOT_ON_ZOOM";
    public static final String SIGN_LANGUAGE_NOT_ON_ZOOM = "SIGN_LANGUAGE_NOT_ON_ZOOM";
    public static final String ONE_PAIR_PER_INTERPRETER = "ONE_PAIR_PER_INTERPRETER";
    public static final String TOO_MANY_INTERPRETERS = "TOO_MANY_INTERPRETERS";
    public static final String NO_INTERPRETER_ON_ZOOM = "NO_INTERPRETER_ON_ZOOM";

    /**
     * Something of the plan that Zoom will not have: a gap of the plan itself ({@code UNCOVERED}) or what cannot be
     * sent. Names the channel's language and, when one interpreter is concerned, their roster id (never an e-mail).
     */
    public record Issue(String code, String language, String interpreterId) {
    }

    /**
     * A channel as it will stand in Zoom.
     *
     * @param onZoom             delivered on Zoom ({@code ZOOM} or {@code BOTH})
     * @param interpretersOnZoom interpreters sent to Zoom for it
     */
    public record ChannelPlan(String language, boolean signLanguage, String delivery, boolean covered, String relayFrom,
            boolean onZoom, int interpretersOnZoom) {
    }

    private final LanguageInterpretation spoken;
    private final SignLanguageInterpretation sign;
    private final List<ChannelPlan> channels;
    private final List<Issue> issues;
    private final String fingerprint;

    private ZoomInterpretationPlan(LanguageInterpretation spoken, SignLanguageInterpretation sign,
            List<ChannelPlan> channels, List<Issue> issues) {
        this.spoken = spoken;
        this.sign = sign;
        this.channels = List.copyOf(channels);
        this.issues = List.copyOf(issues);
        this.fingerprint = fingerprint(spoken, sign);
    }

    /**
     * The plan of a snapshot.
     *
     * @param signLanguages the Zoom name of each sign language code the account offers
     */
    public static ZoomInterpretationPlan of(SessionInterpretationPublished snapshot, Map<String, String> signLanguages) {
        Set<Issue> issues = new LinkedHashSet<>();
        Map<String, Channel> onZoom = new LinkedHashMap<>();
        for (Channel channel : snapshot.channels()) {
            String language = code(channel.language());
            if (!channel.covered()) {
                issues.add(new Issue(UNCOVERED, language, null));
            }
            if (channel.delivery() != null && channel.delivery().onZoom()) {
                onZoom.putIfAbsent(language, channel);
                if (channel.signLanguage() && !signLanguages.containsKey(language)) {
                    issues.add(new Issue(SIGN_LANGUAGE_NOT_ON_ZOOM, language, null));
                } else if (!channel.signLanguage() && ZoomLanguage.forIso(language).isEmpty()) {
                    issues.add(new Issue(LANGUAGE_NOT_ON_ZOOM, language, null));
                }
            }
        }
        List<AssignedInterpreter> ordered = new ArrayList<>(snapshot.interpreters());
        ordered.sort(Comparator.comparing((AssignedInterpreter i) -> code(i.targetLanguage()))
                .thenComparing(i -> email(i.zoomEmail()))
                .thenComparing(i -> i.interpreterId() == null ? "" : i.interpreterId()));
        Map<String, Interpreter> spokenByEmail = new LinkedHashMap<>();
        Map<String, SignInterpreter> signByEmail = new LinkedHashMap<>();
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        for (AssignedInterpreter interpreter : ordered) {
            String target = code(interpreter.targetLanguage());
            Channel channel = onZoom.get(target);
            if (channel == null) {
                continue; // a room-only channel, or none: stays in the booth
            }
            String email = email(interpreter.zoomEmail());
            if (email.isEmpty()) {
                issues.add(new Issue(NO_ZOOM_EMAIL, target, interpreter.interpreterId()));
                continue;
            }
            if (!EMAIL.matcher(email).matches()) {
                issues.add(new Issue(INVALID_ZOOM_EMAIL, target, interpreter.interpreterId()));
                continue;
            }
            if (channel.signLanguage()) {
                String name = signLanguages.get(target);
                if (name == null) {
                    continue; // reported with the channel
                }
                SignInterpreter existing = signByEmail.get(email);
                if (existing == null) {
                    signByEmail.put(email, new SignInterpreter(email, name));
                    perChannel.merge(target, 1, Integer::sum);
                } else if (!existing.signLanguage().equals(name)) {
                    issues.add(new Issue(ONE_PAIR_PER_INTERPRETER, target, interpreter.interpreterId()));
                }
                continue;
            }
            Optional<ZoomLanguage> into = ZoomLanguage.forIso(target);
            if (into.isEmpty()) {
                continue; // reported with the channel
            }
            String source = code(interpreter.sourceLanguage());
            Optional<ZoomLanguage> from = ZoomLanguage.forIso(source);
            if (from.isEmpty() || from.get() == into.get()) {
                issues.add(new Issue(LANGUAGE_NOT_ON_ZOOM, source, interpreter.interpreterId()));
                continue;
            }
            Interpreter entry = Interpreter.between(email, from.get(), into.get());
            Interpreter existing = spokenByEmail.get(email);
            if (existing == null) {
                spokenByEmail.put(email, entry);
                perChannel.merge(target, 1, Integer::sum);
            } else if (!samePair(existing.languages(), entry.languages())) {
                issues.add(new Issue(ONE_PAIR_PER_INTERPRETER, target, interpreter.interpreterId()));
            } else {
                perChannel.merge(target, 1, Integer::sum); // the same person both ways: one entry in Zoom
            }
        }
        List<Interpreter> spokenList = new ArrayList<>(spokenByEmail.values());
        List<SignInterpreter> signList = new ArrayList<>(signByEmail.values());
        if (spokenList.size() > LanguageInterpretation.MAX_INTERPRETERS) {
            issues.add(new Issue(TOO_MANY_INTERPRETERS, null, null));
            spokenList = spokenList.subList(0, LanguageInterpretation.MAX_INTERPRETERS);
        }
        if (signList.size() > LanguageInterpretation.MAX_INTERPRETERS) {
            issues.add(new Issue(TOO_MANY_INTERPRETERS, null, null));
            signList = signList.subList(0, LanguageInterpretation.MAX_INTERPRETERS);
        }
        boolean spokenOn = false;
        boolean signOn = false;
        List<ChannelPlan> channels = new ArrayList<>();
        for (Channel channel : snapshot.channels()) {
            String language = code(channel.language());
            boolean zoom = channel.delivery() != null && channel.delivery().onZoom();
            int sent = zoom ? perChannel.getOrDefault(language, 0) : 0;
            boolean offered = channel.signLanguage() ? signLanguages.containsKey(language)
                    : ZoomLanguage.forIso(language).isPresent();
            if (zoom && offered) {
                if (channel.signLanguage()) {
                    signOn = true;
                } else {
                    spokenOn = true;
                }
                if (sent == 0) {
                    issues.add(new Issue(NO_INTERPRETER_ON_ZOOM, language, null));
                }
            }
            channels.add(new ChannelPlan(language, channel.signLanguage(),
                    channel.delivery() == null ? null : channel.delivery().name(), channel.covered(),
                    channel.relayFrom(), zoom, sent));
        }
        LanguageInterpretation spoken = spokenOn ? LanguageInterpretation.of(spokenList) : LanguageInterpretation.off();
        SignLanguageInterpretation sign = signOn ? SignLanguageInterpretation.of(signList)
                : SignLanguageInterpretation.off();
        return new ZoomInterpretationPlan(spoken, sign, channels, new ArrayList<>(issues));
    }

    /** {@code settings.language_interpretation} to send. */
    public LanguageInterpretation spoken() {
        return spoken;
    }

    /** {@code settings.sign_language_interpretation} to send. */
    public SignLanguageInterpretation sign() {
        return sign;
    }

    public List<ChannelPlan> channels() {
        return channels;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** A digest of exactly what would be sent (never an e-mail in clear): equal for equal settings. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Interpretation off at Zoom: what a meeting created without any interpretation already has. */
    public boolean off() {
        return !Boolean.TRUE.equals(spoken.enable()) && !Boolean.TRUE.equals(sign.enable());
    }

    /** The settings to create a meeting with or send in an update. */
    public MeetingInterpretation.Settings settings() {
        return new MeetingInterpretation.Settings(spoken, sign, fingerprint);
    }

    /** The fingerprint of interpretation off, what a snapshot without channels gives. */
    static String offFingerprint() {
        return fingerprint(LanguageInterpretation.off(), SignLanguageInterpretation.off());
    }

    private static boolean samePair(String one, String other) {
        String[] a = one.split(",");
        String[] b = other.split(",");
        return a.length == 2 && b.length == 2 && ((a[0].equals(b[0]) && a[1].equals(b[1]))
                || (a[0].equals(b[1]) && a[1].equals(b[0])));
    }

    private static String code(String language) {
        return language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
    }

    private static String email(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String fingerprint(LanguageInterpretation spoken, SignLanguageInterpretation sign) {
        StringBuilder canonical = new StringBuilder("language_interpretation:")
                .append(Boolean.TRUE.equals(spoken.enable()));
        spoken.interpreters().forEach(i -> canonical.append('|').append(i.email()).append('=').append(i.languages()));
        canonical.append(";sign_language_interpretation:").append(Boolean.TRUE.equals(sign.enable()));
        sign.interpreters().forEach(i -> canonical.append('|').append(i.email()).append('=').append(i.signLanguage()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
