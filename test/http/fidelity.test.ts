// Each answer carries the document's facts, and lists stay lists. The one test that names the
// real questions and pages and quotes their text: every other test reads what it expects from
// the content folder it runs on.
import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeApp } from "../helpers.js";

const app = makeApp();

async function answer(url: string) {
  const res = await request(app).get(url);
  expect(res.status).toBe(200);
  const $ = cheerio.load(res.text);
  return { $, text: $(".prose").text() };
}

describe("the answers say what the document says", () => {
  it("invoice: where to ask, and four steps naming 知识产权服务_知域互联", async () => {
    const { $, text } = await answer("/questions/invoice");
    expect(text).toContain("获取发票位置：阿里云控制台-费用-发票");
    const steps = $(".prose ol > li")
      .toArray()
      .map((li) => $(li).text());
    expect(steps).toEqual([
      "完成发票信息管理及发票寄送地址管理。",
      "点击“索取发票”（阿里云一方）。",
      "在“开票主体（主体关联）”处选择“知识产权服务_知域互联”。",
      "选择对应的ISP经营许可证咨询服务产品订单。",
    ]);
  });

  it("national vs provincial: scope, and 100万元 vs 1000万元 registered capital", async () => {
    const { text } = await answer("/questions/national-vs-provincial");
    expect(text).toContain("全网ISP证是经营全国范围的ISP资质，省网ISP证是经营公司所在省份的ISP资质");
    expect(text).toContain("办理省网ISP证需要企业的注册资金在100万元以上");
    expect(text).toContain("办理全国ISP证需要企业的注册资金在1000万元以上");
  });

  it("application notes: six items, in order", async () => {
    const { $, text } = await answer("/questions/application-notes");
    expect(text).toContain("企业办理ISP经营许可证需要注意以下问题：");
    const items = $(".prose ol > li")
      .toArray()
      .map((li) => $(li).text());
    expect(items).toHaveLength(6);
    expect(items[0]).toContain("ICP/IP地址/域名信息备案管理系统、IDC/ISP接入资源管理平台、IDC/ISP信息安全管理系统");
    expect(items[3]).toBe("系统评测要对接相关的通信管理局系统；");
    expect(items[5]).toBe("申请材料要按照办事指南申请表载明的顺序排列。");
  });

  it("refund: no refund once the service has started", async () => {
    const { text } = await answer("/questions/refund");
    expect(text).toContain("服务确认开始，则不予退款，请您知晓。");
    expect(text).toContain("如有不可抗力、客户材料虚假、不符合相关法律法规等情况则阿里云及其供应商有权利终止服务。");
  });

  it("legal notice: its title, opening sentence and six clauses", async () => {
    const { $, text } = await answer("/legal");
    expect($("h1").text()).toBe("法律声明");
    expect(text).toContain("阿里云提醒您阅读或使用本文档之前仔细阅读");
    expect($(".prose ol > li")).toHaveLength(6);
  });
});
