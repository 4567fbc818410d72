export { APP_ROLES, PERMISSIONS, isAppRole, permissionsFor } from './auth/roles';
export type { AppRole, Permission } from './auth/roles';
export { FieldError, Problem } from './http/problem.schema';
export { PROBLEM_TITLES, problemTitle } from './http/problem.messages';
export type { ProblemCode } from './http/problem.messages';
