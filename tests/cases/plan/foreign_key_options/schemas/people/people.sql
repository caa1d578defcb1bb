-- Students, staff, campuses and rooms.
CREATE SCHEMA people;

CREATE TABLE people.students (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE people.staff (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE people.campuses (code text PRIMARY KEY);
CREATE TABLE people.rooms (
    campus_code text NOT NULL REFERENCES people.campuses DEFERRABLE,
    building    text NOT NULL,
    room        text NOT NULL,
    PRIMARY KEY (campus_code, building, room)
);
