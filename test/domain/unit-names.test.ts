// Unit names that differ only in form are grouped for the office to confirm; different units are not.
import { expect, it } from 'vitest';
import { similarUnitNames } from '../../src/domain/unit-names.js';

it('groups the long and short forms of one department, and leaves different ones apart', () => {
  expect(
    similarUnitNames([
      '区发展改革委',
      '区市场监督管理局',
      '区教育局',
      '区发展改革局',
      '区市场监管局',
      '区建设局',
      '区住建局',
      '区经济和信息化局',
      '区经信局',
      '区教育局',
    ]),
  ).toEqual([
    ['区发展改革委', '区发展改革局'],
    ['区市场监督管理局', '区市场监管局'],
    ['区经济和信息化局', '区经信局'],
  ]);
  expect(similarUnitNames(['区委办', '区委组织部', '区民政局', '区财政局'])).toEqual([]);
});
