/**
 * The append-only, hash-chained audit trail: who looked at or changed what, when and why. Every entry
 * carries the hash of the one before it, so a changed, removed or inserted row breaks the chain and
 * {@link org.jiaxing.audit.AuditLog#verifyChain()} says where. API: {@link org.jiaxing.audit.AuditLog},
 * {@link org.jiaxing.audit.AuditEntry}, {@link org.jiaxing.audit.AuditRecord},
 * {@link org.jiaxing.audit.ChainCheck}. Security notes: docs/SECURITY-persons.md.
 */
package org.jiaxing.audit;
