/**
 * The rules of AWS DMS and its neighbours that both the config model and the CDK constructs apply,
 * written once: identifier, name and format rules ({@link io.github.dmsfleet.rules.TextRule}),
 * ranges ({@link io.github.dmsfleet.rules.Range}), quotas, table-mapping validation, the shared
 * {@link io.github.dmsfleet.rules.Defaults}, and one enum per DMS setting carrying the spelling DMS
 * uses.
 *
 * <p>Each check says what it expects rather than composing a whole message, so that the model can
 * report it with a file and line and the constructs with a prop name.
 */
package io.github.dmsfleet.rules;
