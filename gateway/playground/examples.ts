/** An operation the playground opens in its own tab. */
export interface PlaygroundExample {
  query: string;
  variables: Record<string, unknown>;
  /** A variable the playground fills, at load, with the personal ID of a citizen the graph serves. */
  citizenVariable?: string;
}

/**
 * Finds a citizen worth profiling (one with a paid, returned ID-card dossier, so every subgraph
 * has something to say) in whatever data the graph serves; `path` leads to the personal ID.
 */
export const SAMPLE_CITIZEN = {
  query:
    'query SampleCitizen { dossiers(first: 1, filter: { procedureCode: "DVC02", status: RESULT_RETURNED }) { edges { node { applicant { personalId } } } } }',
  path: ['dossiers', 'edges', 0, 'node', 'applicant', 'personalId'],
} as const;

export const CITIZEN_PROFILE: PlaygroundExample = {
  query: `# Citizen profile: one person as four national
# databases know them, in one request.
#   residents: identity, province, household
#   civil-servants: post, agency, rank, salary
#   public-services: dossiers
#   payments: fees paid, per dossier and in all
query CitizenProfile($personalId: PersonalId!) {
  citizen(personalId: $personalId) {
    fullName
    sex
    birthDate
    province { name }
    household { members { fullName relationshipToHead } }
    civilServant {
      position
      agency { name }
      rank { name }
      monthlySalary
    }
    dossiers(first: 5) {
      code
      procedure { name }
      status
      submittedAt
      payments { amount status method }
      feeStatus
    }
    payments(first: 5) { amount status }
  }
}
`,
  // The README's profiled citizen, in the default seed whatever its day; it stands in only when
  // SAMPLE_CITIZEN finds nobody (another seed or scale).
  variables: { personalId: '067179692851' },
  citizenVariable: 'personalId',
};

export const PROVINCE_DASHBOARD: PlaygroundExample = {
  query: `# Province dashboard: one province's indicators,
# each from the database that owns it.
query ProvinceDashboard {
  province(code: "46") {
    name
    population {
      total male female
      byAgeBand { band total }
    }
    staffing { civilServants agencies }
    dossierStatistics {
      received onlineShare onTimeRate overdue
    }
    paymentStatistics {
      transactions amountPaid
      byMethod { method amountPaid }
    }
  }
}
`,
  variables: {},
};

export const CITIZENS_OF_A_PROVINCE: PlaygroundExample = {
  query: `# Citizens of a province, ten at a time: pass
# pageInfo.endCursor as $after for the next page.
query CitizensOfAProvince($after: String) {
  citizens(filter: { provinceCode: "46" }, first: 10, after: $after) {
    edges { node { personalId fullName birthDate } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  variables: {},
};

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [CITIZEN_PROFILE, PROVINCE_DASHBOARD, CITIZENS_OF_A_PROVINCE];
