/**
 * API: the values nianbao reads, checks and reports — {@link cn.nianbao.model.Filing} (one agency's
 * filing for one year), {@link cn.nianbao.model.CellValue} (a number, blank or invalid: blank is not
 * zero), {@link cn.nianbao.model.Finding} (one problem, its code, cell and both sides),
 * {@link cn.nianbao.model.ReadResult}, {@link cn.nianbao.model.Identity}.
 */
package cn.nianbao.model;
