export * from './provinces';
export * from './personal-id';
export * from './procedures';
export * from './dossier-lifecycle';
export * from './payments';
export * from './civil-service';
