-- Enrolments reference people (a later domain) with every kind of referential action.
CREATE SCHEMA enrolment;

CREATE TABLE enrolment.enrolments (
    id              bigint PRIMARY KEY,
    student_id      integer NOT NULL REFERENCES people.students (id) ON DELETE CASCADE ON UPDATE CASCADE,
    advisor_id      integer REFERENCES people.staff ON DELETE SET NULL,
    campus_code     text NOT NULL DEFAULT 'main',
    building        text,
    room            text,
    CONSTRAINT enrolments_campus_fkey FOREIGN KEY (campus_code) REFERENCES people.campuses (code)
        ON UPDATE RESTRICT ON DELETE SET DEFAULT,
    CONSTRAINT enrolments_room_fkey FOREIGN KEY (campus_code, building, room)
        REFERENCES people.rooms (campus_code, building, room) MATCH FULL ON DELETE NO ACTION,
    CONSTRAINT enrolments_student_deferred_fkey FOREIGN KEY (student_id)
        REFERENCES people.students (id) DEFERRABLE INITIALLY DEFERRED
);
