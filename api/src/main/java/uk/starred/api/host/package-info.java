/**
 * The ports: what Starred needs from the host case-management platform, which owns the children,
 * the staff and the child's file. A host adapter bundle implements each interface as an OSGi
 * service; the reference host shows how.
 *
 * <ul>
 * <li>{@link uk.starred.api.host.ChildRecords}: the child by the host's id, with legal status; many at
 * once for the oversight figures (since 1.1).</li>
 * <li>{@link uk.starred.api.host.StaffDirectory}: who holds each role for a child, and the roles of
 * the person using the system; a member of staff's team, where the host names it (since 1.2).</li>
 * <li>{@link uk.starred.api.host.CallerContext}: who is using the system now.</li>
 * <li>{@link uk.starred.api.host.CaseFile}: writing a case note onto the child's file.</li>
 * <li>{@link uk.starred.api.host.Notifier}: telling people, in the host's own inbox; Starred's e-mail and
 * GOV.UK Notify bundles are notifiers too, each its own channel (since 1.4); one that can send nothing at
 * the moment says so with {@link uk.starred.api.host.ChannelUnavailableException} (since 1.5).</li>
 * <li>{@link uk.starred.api.host.CaseEpisodes}, optional: opening and closing an episode on the child's
 * record where the procedure names one (since 1.3); without it, episodes go on the file as case notes.</li>
 * </ul>
 * Starred writes case notes and notifications in the same transaction as the change that causes
 * them and delivers them afterwards, retrying until the host accepts them; each carries an id the
 * host can use to ignore a repeat.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package uk.starred.api.host;
