export * from './languages';
export * from './snapshot';
export * from './result';
export * from './commands';
export * from './events';
export * from './bridge';
export * from './softphone';
export * from './engine-media';
