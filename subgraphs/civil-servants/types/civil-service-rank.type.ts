import { Field, ObjectType } from 'type-graphql';
import type { RankSpec } from '../../../lib/domain';
import { CivilServiceGradeEnum } from './civil-service-grade.type';

@ObjectType({ description: 'A civil-service rank (ngạch), which fixes the salary coefficient steps a servant climbs.' })
export class CivilServiceRank implements Pick<RankSpec, 'code' | 'name' | 'grade'> {
  @Field({ description: 'Official rank code, e.g. "01.003" for Chuyên viên.' })
  code!: string;

  @Field({ description: 'Vietnamese name of the rank, e.g. "Chuyên viên chính".' })
  name!: string;

  @Field(() => CivilServiceGradeEnum, { description: 'Salary grade the rank belongs to.' })
  grade!: RankSpec['grade'];
}
