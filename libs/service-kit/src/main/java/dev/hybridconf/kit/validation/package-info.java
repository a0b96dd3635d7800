/** Validation rules every service applies the same way, such as what counts as plain text a person reads. */
package dev.hybridconf.kit.validation;
