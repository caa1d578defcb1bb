-- A MySQL table definition pasted from a design doc.
CREATE TABLE users (
    id int unsigned NOT NULL AUTO_INCREMENT,
    email varchar(255) NOT NULL,
    role enum('member', 'admin') NOT NULL DEFAULT 'member',
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY users_email_unique (email)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
