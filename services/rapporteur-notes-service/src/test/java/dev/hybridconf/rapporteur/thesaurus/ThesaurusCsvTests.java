package dev.hybridconf.rapporteur.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.LuceneTrendAnalyzer;

/**
 * The thesaurus file as spreadsheets really save it, read without the HTTP layer: line endings of every platform
 * (the hand-written reader lost a whole "CSV (Macintosh)" file after a comment line, and numbered lines wrongly
 * after a cell broken with a bare CR), quoted cells with separators and doubled quotes, blank trailing lines, and
 * errors naming the line an organiser finds in an editor.
 */
class ThesaurusCsvTests {

    /** Labels read as the service reads them: with the analyser's language chains. */
    private static final LuceneTrendAnalyzer ANALYZER = new LuceneTrendAnalyzer();
    private static final LabelAnalysis ANALYSIS = (language, label) -> {
        String key = ANALYZER.labelKey(language, label);
        return key.isBlank() ? List.of() : List.of(key.split(" "));
    };

    private static List<Concept> read(String csv) {
        return ThesaurusCsv.read(csv.getBytes(StandardCharsets.UTF_8), ANALYSIS);
    }

    private static List<String> fields(String csv) {
        InvalidFieldsException refused = catchThrowableOfType(InvalidFieldsException.class, () -> read(csv));
        assertThat(refused).as("the upload is refused field by field").isNotNull();
        return refused.fields().stream().map(Invalid::field).toList();
    }

    @Test
    void aFileSavedWithCarriageReturnsOnlyAndACommentReadsWhole() {
        List<Concept> concepts = read("# Saved by Excel for Mac as CSV (Macintosh)\r"
                + "id,en,fr\r"
                + "housing,affordable housing,logement abordable\r"
                + "transit,public transport|transit,transports publics\r");
        assertThat(concepts).extracting(Concept::id).containsExactly("housing", "transit");
        assertThat(concepts.get(1).labels().get("en")).containsExactly("public transport", "transit");
    }

    @Test
    void quotedCellsKeepSeparatorsAndQuotesWhateverTheLineEndingsAndTrailingBlankLines() {
        List<Concept> concepts = read("\uFEFFid,en,fr,es,ignore\r\n"
                + "housing, \"housing, affordable|the \"\"cheap\"\" flat\" ,\"logement; abordable\",,\"\"\r\n"
                + "size,5\" screen,écran,pantalla,no\r\n"
                + "\r\n   \r\n");
        assertThat(concepts).hasSize(2);
        Concept housing = concepts.stream().filter(c -> c.id().equals("housing")).findFirst().orElseThrow();
        assertThat(housing.labels()).isEqualTo(Map.of("en", List.of("housing, affordable", "the \"cheap\" flat"),
                "fr", List.of("logement; abordable")));
        Concept size = concepts.stream().filter(c -> c.id().equals("size")).findFirst().orElseThrow();
        assertThat(size.labels().get("en")).as("a quote inside an unquoted cell is text").containsExactly("5\" screen");
    }

    @Test
    void errorsNameTheLineARowStartsOnAfterCommentsBlankLinesAndBrokenCells() {
        assertThat(fields("\r\rid,en\r\"ok\",\"two\rlines\"\rBad Id,bad\r"))
                .as("line 6, counting the bare CR inside line 4's quoted cell")
                .contains("line 4.labels.en[0]", "line 6.id");
        assertThat(fields("id;en;ignore\n\n# ignore column next\nhousing;housing;maybe\n"))
                .containsExactly("line 4.ignore");
    }

    @Test
    void malformedFilesNameTheLineOfTheFault() {
        ThesaurusProblem unclosed = catchThrowableOfType(ThesaurusProblem.class,
                () -> read("id,en\nhousing,housing\n\n# next\ntransit,\"public transport\ntrain,train\n"));
        assertThat(unclosed.messageKey()).isEqualTo("thesaurus.csv.malformed");
        assertThat(unclosed.arguments()).as("where the open quote is").containsExactly(5L);
        ThesaurusProblem trailing = catchThrowableOfType(ThesaurusProblem.class,
                () -> read("id,en\nhousing,housing\ntransit,\"public\" transport\ntrain,train\n"));
        assertThat(trailing.arguments()).as("text after a closing quote").containsExactly(3L);
    }

    @Test
    void theExportReadsBackAsTheSameConcepts() {
        List<Concept> concepts = new ArrayList<>();
        concepts.add(new Concept("formula", Map.of("en", List.of("=1+2", "-minus", "@mention"),
                "fr", List.of("a, b; \"c\"")), false));
        concepts.add(new Concept("hash", Map.of("es", List.of("#etiqueta", "'quoted")), true));
        String csv = ThesaurusCsv.write(concepts);
        assertThat(csv).startsWith("\uFEFFid,en,fr,es,ignore\r\n")
                .contains("formula,'=1+2|-minus|@mention,\"a, b; \"\"c\"\"\",,false\r\n")
                .endsWith("hash,,,\"#etiqueta|'quoted\",true\r\n");
        assertThat(read(csv)).isEqualTo(concepts);
    }
}
