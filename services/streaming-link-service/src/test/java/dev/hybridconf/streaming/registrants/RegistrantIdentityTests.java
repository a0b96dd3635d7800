package dev.hybridconf.streaming.registrants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hybridconf.streaming.zoom.Registrant;

/** A participant's Zoom identity is pseudonymous and the same every time. */
class RegistrantIdentityTests {

    final RegistrantIdentity identity = new RegistrantIdentity("participants.hybridconf.invalid");

    @Test
    void theAddressIsDerivedFromTheRegistrationIdAloneAndLeadsBackToIt() {
        String id = "3f1c2d4e-0000-4000-8000-000000000001";
        Registrant registrant = identity.registrant(id);

        assertThat(registrant.email()).isEqualTo(id + "@participants.hybridconf.invalid")
                .isEqualTo(identity.registrant(id).email());
        assertThat(registrant.firstName()).isEqualTo("Participant");
        assertThat(registrant.lastName()).isEqualTo("3f1c2d4e");
        assertThat(identity.registrationId(registrant.email())).isEqualTo(id);
        assertThat(identity.registrationId("amina@example.org")).isNull();
    }
}
