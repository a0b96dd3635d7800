package dev.hybridconf.rapporteur.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * One Lucene analysis chain per working language (ADR 0020), built once and reused (Lucene analyzers keep their
 * components per thread). Stop words and light stemmers expect lower case with accents, so ICU folding comes last;
 * it also makes {@code économie} and {@code economie} one term. Any other language gets a plain chain: standard
 * tokens, ICU folding, no stop words, no stemming.
 */
final class LanguageChains {

    /** A token of a text: its analysed term, its position increment (2+ after a removed stop word), its offsets. */
    record Token(String term, int increment, int start, int end) {
    }

    private static final String CLAUSE_BREAKS = ",;:()[]{}\"«»“”„–—…!?./|";

    private final Map<String, Analyzer> chains;
    private final Analyzer plain;

    LanguageChains() {
        CharArraySet en = union(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, "en");
        CharArraySet fr = union(FrenchAnalyzer.getDefaultStopSet(), "fr");
        CharArraySet es = union(SpanishAnalyzer.getDefaultStopSet(), "es");
        this.chains = Map.of(
                "en", chain(tokenizer -> {
                    TokenStream s = new EnglishPossessiveFilter(tokenizer);
                    s = new LowerCaseFilter(s);
                    s = new StopFilter(s, en);
                    s = new EnglishMinimalStemFilter(s);
                    return new ICUFoldingFilter(s);
                }),
                "fr", chain(tokenizer -> {
                    TokenStream s = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
                    s = new LowerCaseFilter(s);
                    s = new StopFilter(s, fr);
                    s = new FrenchLightStemFilter(s);
                    return new ICUFoldingFilter(s);
                }),
                "es", chain(tokenizer -> {
                    TokenStream s = new LowerCaseFilter(tokenizer);
                    s = new StopFilter(s, es);
                    s = new SpanishLightStemFilter(s);
                    return new ICUFoldingFilter(s);
                }));
        this.plain = chain(tokenizer -> new ICUFoldingFilter(new LowerCaseFilter(tokenizer)));
    }

    /** True for the languages with their own chain (en, fr, es). */
    boolean known(String language) {
        return chains.containsKey(language);
    }

    /** The chain's tokens of a text, offsets into that text. */
    List<Token> tokens(String language, String text) {
        Analyzer analyzer = chains.getOrDefault(language, plain);
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int pending = 0;
            while (stream.incrementToken()) {
                pending += increment.getPositionIncrement();
                if (term.length() == 0) {
                    continue;
                }
                int start = "fr".equals(language) ? afterElision(text, offset.startOffset(), offset.endOffset())
                        : offset.startOffset();
                tokens.add(new Token(term.toString(), pending, start, offset.endOffset()));
                pending = 0;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The analysed form of a label or tag: its terms, with {@code _} for each removed word between two. */
    String key(String language, String text) {
        StringBuilder key = new StringBuilder();
        for (Token token : tokens(language, text)) {
            if (!key.isEmpty()) {
                key.append(" _".repeat(Math.max(0, token.increment() - 1))).append(' ');
            }
            key.append(token.term());
        }
        return key.toString();
    }

    /** Where the word starts once an elided article ({@code l'}, {@code d’}, {@code qu'}) is left out. */
    private static int afterElision(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\u2019') {
                String article = text.substring(start, i);
                return FrenchAnalyzer.DEFAULT_ARTICLES.contains(article) && i + 1 < end ? i + 1 : start;
            }
        }
        return start;
    }

    /** Whether the source text between two tokens holds clause punctuation (a comma, a bracket, a dash...). */
    static boolean clauseBreak(String text, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private interface Filters {
        TokenStream after(Tokenizer tokenizer);
    }

    private static Analyzer chain(Filters filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, filters.after(tokenizer));
            }
        };
    }

    private static CharArraySet union(CharArraySet base, String language) {
        CharArraySet set = CharArraySet.copy(base);
        set.addAll(extraStopWords(language));
        return CharArraySet.unmodifiableSet(set);
    }

    /** {@code analysis/stop-extra-<language>.txt}: one word a line, {@code #} comments. */
    static List<String> extraStopWords(String language) {
        String resource = "/analysis/stop-extra-" + language + ".txt";
        try (InputStream in = LanguageChains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
