-- Constraints added to a large existing table without a full scan; validated later.
ALTER TABLE ledger.entries
    ADD CONSTRAINT entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts.accounts (id) NOT VALID;
ALTER TABLE ONLY ledger.entries ADD CONSTRAINT entries_posted_check CHECK (posted_at > '2000-01-01');
