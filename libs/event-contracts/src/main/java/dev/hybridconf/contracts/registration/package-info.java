/** Events published by the registration service on {@code registration.events}. */
package dev.hybridconf.contracts.registration;
