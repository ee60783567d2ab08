export * from './points';
export * from './criteria-set';
export * from './score-lines';
export * from './totals';
export * from './ranking';
