import { Field, InputType, Int } from 'type-graphql';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import type { CitizenFilterInput } from '../domain/citizen-criteria';

@InputType({ description: 'Narrows the citizens listed; all conditions given must hold.' })
export class CitizenFilter implements CitizenFilterInput {
  @Field(() => ProvinceCodeScalar, { nullable: true, description: 'Only residents of this 2025 province.' })
  provinceCode?: string;

  @Field(() => Int, { nullable: true, description: 'Only citizens born in this year or later.' })
  birthYearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Only citizens born in this year or earlier; not before birthYearFrom.' })
  birthYearTo?: number;

  @Field({ nullable: true, description: 'Only citizens whose full name starts with this text, ignoring case (1 to 50 characters), e.g. "nguyễn văn".' })
  namePrefix?: string;
}
