// End-to-end tests start whole applications: a test may take up to three minutes.
jest.setTimeout(180_000);
