package dev.hybridconf.session.programme;

import dev.hybridconf.contracts.session.RegistrationTerms;

/**
 * How a conference takes registrations, as readers see it; null where the conference does not say.
 *
 * @param inPersonCapacity places in the room (null: the registration service's default)
 * @param remoteCapacity   places on Zoom (null: the registration service's default)
 * @param opensAt          when the form opens, with the reader's offset (null: open since publication)
 * @param closesAt         when it closes (null: no end)
 */
public record RegistrationTermsView(Integer inPersonCapacity, Integer remoteCapacity, String opensAt,
        String closesAt) {

    static RegistrationTermsView of(RegistrationTerms terms, ViewerZone viewer) {
        return new RegistrationTermsView(terms.inPersonCapacity(), terms.remoteCapacity(),
                viewer.render(terms.opensAt()), viewer.render(terms.closesAt()));
    }
}
