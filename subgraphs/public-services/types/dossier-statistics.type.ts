import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';

@ObjectType({ description: 'Dossier indicators of a province for dossiers submitted in a period (Vietnam calendar days, both included).' })
export class DossierStatistics {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => Int, { description: 'Dossiers submitted in the period.' })
  received!: number;

  @Field(() => Int, { description: 'Of those, dossiers filed online.' })
  online!: number;

  @Field(() => Float, { nullable: true, description: 'online / received, from 0 to 1; null when nothing was received.' })
  onlineShare!: number | null;

  @Field(() => Int, { description: 'Of those, dossiers whose processing has completed.' })
  completed!: number;

  @Field(() => Int, { description: 'Of the completed, those completed by their due date.' })
  completedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'completedOnTime / completed, from 0 to 1 (the on-time KPI); null when nothing completed.' })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Of those received, dossiers overdue now (see Dossier.overdue).' })
  overdue!: number;
}
