CREATE TABEL t (id int);
CREATE INDX i ON t (id);
CREATE TABLE ok (id int);
