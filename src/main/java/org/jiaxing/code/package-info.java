/**
 * Signed venue codes (嘉行码): Ed25519 keys with key ids and rotation, compact signed tokens, code
 * generations (reissue withdraws older posters), the public scan page, QR images and posters.
 * API: {@link org.jiaxing.code.VenueCodes}, {@link org.jiaxing.code.CodeVerification},
 * {@link org.jiaxing.code.IssuedCode}, event {@link org.jiaxing.code.VenueCodeReissued}, and the
 * expected failures ({@link org.jiaxing.code.CodeAccessDenied}, {@link org.jiaxing.code.PosterFontMissing},
 * {@link org.jiaxing.code.SigningKeyRefused}, {@link org.jiaxing.code.BatchPosterRefused}).
 * Security notes: docs/SECURITY-codes.md.
 */
package org.jiaxing.code;
