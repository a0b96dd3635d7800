package dev.hybridconf.rapporteur.summary;

import dev.hybridconf.rapporteur.testing.InMemoryCorpus;

/** Conclusions the summaries' tests set by hand with {@link #put} (the real corpus is kept from Kafka by the inputs). */
public class FakeCorpus extends InMemoryCorpus {
}
