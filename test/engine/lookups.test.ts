import { describe, expect, it } from 'vitest';
import { employmentContextFromNames } from '../../src/engine/context.js';
import { lookupsOfPeople } from '../../src/engine/lookups.js';
import type { Container } from '../../src/types.js';

const table = (name: string, fields: string[], meta?: Record<string, unknown>): Container => ({
  id: `public.${name}`,
  type: 'table',
  schema: 'public',
  name,
  fields: fields.map((f) => ({ name: f })),
  ...(meta ? { meta } : {}),
});

describe('lookupsOfPeople', () => {
  it('follows address → city → country from a person table (Sakila)', () => {
    const found = lookupsOfPeople([
      table('customer', ['customer_id', 'first_name', 'last_name', 'email', 'address_id', 'store_id']),
      table('address', ['address_id', 'address', 'district', 'city_id', 'postal_code', 'phone']),
      table('city', ['city_id', 'city', 'country_id']),
      table('country', ['country_id', 'country']),
      table('store', ['store_id', 'manager_staff_id', 'address_id']),
      table('film', ['film_id', 'title', 'language_id']),
      table('language', ['language_id', 'name']),
    ]);
    expect([...found].sort()).toEqual(['public.address', 'public.city', 'public.country']);
  });

  it('finds a job lookup through a declared foreign key or a JobID column (HR)', () => {
    const viaColumn = lookupsOfPeople([table('employees', ['EmployeeID', 'FirstName', 'LastName', 'JobID']), table('Jobs', ['JobID', 'JobTitle'])]);
    expect([...viaColumn]).toEqual(['public.Jobs']);
    const viaKey = lookupsOfPeople([
      table('staff_members', ['id', 'first_name', 'role_ref'], { foreignKeys: [{ field: 'role_ref', references: 'public.positions' }] }),
      table('positions', ['id', 'label']),
    ]);
    expect([...viaKey]).toEqual(['public.positions']);
  });

  it('does not go through join tables or to unrelated things (Northwind territories)', () => {
    const found = lookupsOfPeople([
      table('employees', ['employee_id', 'first_name', 'last_name', 'region', 'reports_to']),
      table('employee_territories', ['employee_id', 'territory_id']),
      table('territories', ['territory_id', 'territory_description', 'region_id']),
      table('region', ['region_id', 'region_description']),
      table('orders', ['order_id', 'customer_id', 'employee_id', 'ship_region']),
    ]);
    expect([...found]).toEqual([]);
  });
});

describe('employmentContextFromNames', () => {
  it.each([
    ['salaries', ['emp_no', 'salary', 'from_date', 'to_date'], true],
    ['titles', ['emp_no', 'title', 'from_date', 'to_date'], true],
    ['dept_emp', ['emp_no', 'dept_no', 'from_date', 'to_date'], true],
    ['job_history', ['employee_id', 'start_date', 'end_date', 'job_id'], true],
    ['HumanResources_EmployeePayHistory', ['BusinessEntityID', 'RateChangeDate', 'Rate'], true],
    ['lonnspost', ['ansatt_id', 'belop', 'periode'], true],
    ['departments', ['department_id', 'department_name', 'manager_id'], false],
    ['orders', ['order_id', 'employee_id', 'order_date'], false],
    ['auth_user', ['id', 'username', 'date_joined'], false],
    ['lonnsart', ['lonnsart_id', 'navn', 'sats'], false],
    ['wage_types', ['code', 'label', 'rate'], false],
    ['lonnsart_ansatt', ['ansatt_id', 'lonnsart_id', 'sats'], true],
  ])('%s', (name, fields, expected) => {
    expect(employmentContextFromNames(name, fields)).toBe(expected);
  });
});

describe('lookupsOfPeople with prefixed table names', () => {
  it('finds Person_StateProvince from an address table reached from a person table', () => {
    const found = lookupsOfPeople([
      table('Person_Person', ['BusinessEntityID', 'FirstName', 'LastName', 'AddressID']),
      table('Person_Address', ['AddressID', 'AddressLine1', 'City', 'StateProvinceID', 'PostalCode']),
      table('Person_StateProvince', ['StateProvinceID', 'StateProvinceCode', 'Name', 'CountryRegionCode']),
    ]);
    expect([...found].sort()).toEqual(['public.Person_Address', 'public.Person_StateProvince']);
  });
});
