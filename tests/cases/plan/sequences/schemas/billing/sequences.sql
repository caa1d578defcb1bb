-- Explicit sequences, options deliberately out of the documented order.
CREATE SEQUENCE billing.invoice_number_seq CACHE 20 START WITH 100000 MINVALUE 100000 INCREMENT BY 1 NO CYCLE;
CREATE SEQUENCE billing.ticket_seq AS integer INCREMENT 5 MAXVALUE 1000000 START 10 CYCLE;
CREATE SEQUENCE billing.countdown_seq NO MAXVALUE INCREMENT BY -1;
