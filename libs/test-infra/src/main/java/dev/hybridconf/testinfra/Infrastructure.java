package dev.hybridconf.testinfra;

/** Addresses of the running test infrastructure. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String redisHost();

    int redisPort();
}
