-- Product search: trigram matching (substring and similarity, works for Japanese
-- too) and Levenshtein distance per word (English typos). Both are trusted
-- extensions: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
