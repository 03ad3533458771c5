/**
 * The civil-servants subgraph's own vocabularies, as stored in the database and shown in the
 * graph (agency levels and ranks are shared facts and live in lib/domain).
 */
export const EMPLOYMENT_TYPES = ['CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const PERFORMANCE_RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

export const EDUCATION_LEVELS = ['BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
