import { ArgsType, Field, Int } from 'type-graphql';
import { DossierFilter } from './dossier-filter.type';

// An args class keeps arguments in declaration order; separate @Arg parameters print reversed.
@ArgsType()
export class DossiersArgs {
  @Field(() => DossierFilter, { nullable: true, description: 'Conditions; none lists every dossier.' })
  filter?: DossierFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
  after?: string | null;
}
