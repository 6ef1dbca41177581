// Tests import the fake OpenAI-protocol server from here. It lives in libs/inference/testing so
// that `npm run build` (which compiles apps, libs, scripts and bench, not test/) ships it for the
// benchmarks too.
export * from '../../libs/inference/testing/fake-openai-server.js';
