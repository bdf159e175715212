// Shared test setup. jest-dom matchers are only meaningful in jsdom tests, but are harmless elsewhere.
import "@testing-library/jest-dom";
