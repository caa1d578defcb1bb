CREATE TABLE bookings (id bigint PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL, CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&));
