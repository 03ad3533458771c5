import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { listSize } from '../federation';
import { DateTimeScalar } from '../graphql/scalars';

/*
 * What every database reports of its own data for a province. The same value types in every
 * subgraph (@shareable), so a dashboard reads each database's health the same way.
 */

@Directive('@shareable')
@ObjectType({ description: 'How often one field that should always be filled is empty in a database, for one province.' })
export class FieldCompleteness {
  @Field({ description: 'The field, as a coordinate of the graph, e.g. "Citizen.address".' })
  field!: string;

  @Field(() => Int, { description: 'Records with the field filled.' })
  filled!: number;

  @Field(() => Int, { description: 'Records with the field empty (null or blank).' })
  empty!: number;
}

@Directive('@shareable')
@ObjectType({
  description:
    'References one database holds to records of another (or of itself), as the database they point into checked them: how many its records of the province hold, how many are not even well-formed, and how many are well-formed but point at nothing.',
})
export class ReferenceHealth {
  @Field({ description: 'The reference, as a coordinate of the graph, e.g. "Dossier.applicant".' })
  reference!: string;

  @Field({ description: 'The database whose records hold the reference, e.g. "public-services".' })
  holder!: string;

  @Field({ description: 'The database the reference points into, which checked it, e.g. "residents".' })
  target!: string;

  @Field(() => Int, { description: "References held by the province's records (one per record that holds one)." })
  held!: number;

  @Field(() => Int, { description: 'Of those, references that are not a well-formed key at all (not a personal ID, not a dossier code), so were not looked up.' })
  malformed!: number;

  @Field(() => Int, { description: 'Of those, well-formed references to a record the target does not hold: they point at nothing.' })
  dangling!: number;
}

@Directive('@shareable')
@ObjectType({ description: "One database's own data for a province: how much there is, how complete, how fresh, and which references into it point at nothing." })
export class DatabaseHealth {
  @Field({ description: 'The database (subgraph), e.g. "residents".' })
  database!: string;

  @Field(() => Int, { description: "The database's records of the province (citizens, civil servants, dossiers or payments)." })
  records!: number;

  @Field(() => Int, { description: 'Personal IDs and dossier codes the records hold (keys and references alike) that are not structurally valid.' })
  invalidIds!: number;

  @Directive(listSize({ assumedSize: 4 }))
  @Field(() => [FieldCompleteness], { description: 'Fields that should always be filled, and how often they are empty.' })
  fields!: FieldCompleteness[];

  @Field(() => DateTimeScalar, { nullable: true, description: "When a record of the province last changed; null when it has none." })
  lastUpdatedAt!: Date | null;

  @Field(() => Int, { description: 'Records that should have changed by now and have not (see staleAfterDays).' })
  staleRecords!: number;

  @Field(() => Int, { description: "Days after which the database's records count as stale: what its staleness rule allows." })
  staleAfterDays!: number;

  @Field({ description: 'What makes a record of this database stale.' })
  staleRule!: string;

  @Directive(listSize({ assumedSize: 4 }))
  @Field(() => [ReferenceHealth], { description: 'References into this database, from others or from itself, as it checked them.' })
  references!: ReferenceHealth[];
}
