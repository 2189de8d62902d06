// Tests read results, not logs: services log at warn unless LOG_LEVEL says otherwise.
process.env['LOG_LEVEL'] ??= 'warn';
