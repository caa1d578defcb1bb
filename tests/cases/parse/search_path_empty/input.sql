-- pg_dump's empty search_path: objects are schema-qualified, unqualified ones stay in public.
SET search_path = '';
CREATE TABLE public.t (id int);
CREATE TABLE u (id int);
