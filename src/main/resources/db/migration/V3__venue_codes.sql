-- Ed25519 keys that sign venue codes. Only public keys are stored; private keys stay in
-- {data-dir}/keys (file mode 600) or in the environment. A key id is never reused.
CREATE TABLE code_signing_key (
    -- key id written into every token; assigned by the application (max + 1), not generated
    kid        INTEGER     PRIMARY KEY,
    -- raw 32-byte Ed25519 public key, base64url without padding (as in /.well-known/jiaxing-keys)
    public_key VARCHAR(64) NOT NULL UNIQUE,
    -- ACTIVE (verifies; the newest one with a private key signs) or RETIRED (verifies nothing)
    status     VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at BIGINT      NOT NULL,
    -- username of the CITY_ADMIN who rotated; NULL when generated or imported at start-up
    created_by VARCHAR(64),
    retired_at BIGINT,
    retired_by VARCHAR(64)
);

-- The current code generation of a venue; no row means generation 1. A reissue bumps it, which
-- withdraws every poster of an older generation. Who reissued last, and when, is kept with it.
-- No foreign key: venues belong to another module.
CREATE TABLE venue_code_generation (
    venue_id    BIGINT      PRIMARY KEY,
    generation  INTEGER     NOT NULL CHECK (generation >= 2),
    reissued_by VARCHAR(64) NOT NULL,
    reissued_at BIGINT      NOT NULL
);
