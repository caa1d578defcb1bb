-- Types and sequences owned by the content domain.
CREATE TYPE content.license_kind AS ENUM (
    'all_rights_reserved',
    'cc_by',
    'cc_by_sa',
    'cc_by_nc',
    'public_domain'
);

COMMENT ON TYPE content.license_kind IS 'Licence of a media asset. The one ENUM in the project: the list is fixed by law, not by product.';

CREATE TYPE content.media_dimensions AS (
    width_px            integer,
    height_px           integer,
    duration_seconds    numeric(10, 3)
);

COMMENT ON TYPE content.media_dimensions IS 'Pixel size and/or running time of an image, video or audio asset.';

CREATE SEQUENCE content.revision_number_seq
    AS bigint
    START WITH 1
    INCREMENT BY 1
    CACHE 1;

COMMENT ON SEQUENCE content.revision_number_seq IS 'Global, monotonically increasing revision numbers for content.revisions.';
