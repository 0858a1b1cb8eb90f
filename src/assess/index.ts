// The assessor's public face: pure functions, no I/O, usable in the browser.
export { assessTask, type AssessInput } from './assess-task.js';
export { missingFigures, missingFiguresHint, type MissingFigures } from './missing-figures.js';
export { extractIndicators } from './indicators.js';
export { matchActual, type ActualMatch } from './actuals.js';
export { statusOf, timeShare, type Evidence, type StatusResult } from './status.js';
export { reasonOf, formatValue } from './reason.js';
export { findQuantities, parseChineseNumeral, type Quantity } from './numbers.js';
