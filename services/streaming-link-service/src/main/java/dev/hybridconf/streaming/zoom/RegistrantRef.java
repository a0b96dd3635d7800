package dev.hybridconf.streaming.zoom;

/** A registrant to cancel, by Zoom's registrant id and e-mail (Zoom accepts either; both is safest). */
public record RegistrantRef(String id, String email) {
}
