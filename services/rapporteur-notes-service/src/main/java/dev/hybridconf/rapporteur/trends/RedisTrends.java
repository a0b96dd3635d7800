package dev.hybridconf.rapporteur.trends;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored analyses, each with {@code pending} set when it is behind: the day's corpus version or the thesaurus
 * version moved since it was computed, or the day is marked for a new analysis (an earlier day it compares with
 * changed).
 */
@Component
class RedisTrends implements Trends {

    static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Logger log = LoggerFactory.getLogger(RedisTrends.class);

    private final RedisStore store;
    private final TrendKeys keys;
    private final Clock clock;

    RedisTrends(RedisStore store, Clock clock) {
        this.store = store;
        this.keys = new TrendKeys(store.keys());
        this.clock = clock;
    }

    @Override
    public Optional<StoredTrends> day(String conferenceId, LocalDate day) {
        String json = store.redis().get(keys.analysis(conferenceId, day));
        if (json == null) {
            return Optional.empty();
        }
        StoredTrends stored;
        try {
            stored = JSON.readValue(json, StoredTrends.class);
        } catch (JacksonException unreadable) {
            log.warn("The analysis of {} {} cannot be read; it counts as none until the next one", conferenceId, day);
            return Optional.empty();
        }
        String corpus = store.redis().hget(keys.corpusVersions(conferenceId), day.toString());
        String thesaurus = store.redis().hget(ThesaurusKeys.thesaurus(store.keys(), conferenceId), ThesaurusKeys.VERSION);
        boolean pending = stored.corpusVersion() != (corpus == null ? 0 : Long.parseLong(corpus))
                || stored.thesaurusVersion() != (thesaurus == null ? 0 : Long.parseLong(thesaurus))
                || markedDirty(conferenceId, day);
        return Optional.of(new StoredTrends(stored.trends(), stored.corpusVersion(), stored.thesaurusVersion(),
                stored.analysedAt(), pending));
    }

    /**
     * Whether the day waits for an analysis (a new one, or a first one). A mark for later (the day's next lock time,
     * when the analysis will say whether the day is complete) is not a pending change.
     */
    boolean markedDirty(String conferenceId, LocalDate day) {
        Double due = store.redis().zscore(keys.dirty(), conferenceId + ":" + day);
        return due != null && due <= clock.millis();
    }

    @Override
    public List<StoredTrends> conference(String conferenceId) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String field : store.redis().hkeys(keys.corpusVersions(conferenceId))) {
            try {
                days.add(LocalDate.parse(field));
            } catch (DateTimeParseException notADay) {
                log.debug("Ignoring version field {} of {}", field, conferenceId);
            }
        }
        List<StoredTrends> all = new ArrayList<>();
        for (LocalDate day : days) {
            day(conferenceId, day).ifPresent(all::add);
        }
        return all;
    }
}
