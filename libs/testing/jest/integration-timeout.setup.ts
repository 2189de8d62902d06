// Integration tests talk to a real broker and database: a test may take up to two minutes.
jest.setTimeout(120_000);
