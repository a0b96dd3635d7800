package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The published versions as {@link SummaryStore} keeps them; never a draft. */
@Service
class RedisPublishedSummaries implements PublishedSummaries {

    private final SummaryStore store;

    RedisPublishedSummaries(SummaryStore store) {
        this.store = store;
    }

    @Override
    public List<PublishedVersion> all(String conferenceId) {
        List<PublishedVersion> all = new ArrayList<>();
        for (LocalDate day : store.publishedDays(conferenceId)) {
            store.published(conferenceId, day).forEach(s -> all.add(s.toVersion()));
        }
        return all;
    }

    @Override
    public Optional<PublishedVersion> latest(String conferenceId, LocalDate day) {
        int version = store.latestVersion(conferenceId, day);
        return version == 0 ? Optional.empty() : version(conferenceId, day, version);
    }

    @Override
    public Optional<PublishedVersion> version(String conferenceId, LocalDate day, int version) {
        return version < 1 ? Optional.empty()
                : store.published(conferenceId, day, version).map(PublishedSnapshot::toVersion);
    }
}
