import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context';
import { ProvinceStaffing } from '../types/province-staffing.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => ProvinceStaffing, { description: 'Agencies located in the province and the public servants in them, by tier of government.' })
  staffing(@Root() province: Province, @Ctx() ctx: Context): Promise<ProvinceStaffing> {
    return ctx.loaders.staffing.load(province.code);
  }
}
