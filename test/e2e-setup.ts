// Real servers: booting an app and a worker takes seconds, a full flow more.
jest.setTimeout(120_000);
